package dev.volsim.model.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.core.PersistentVolumeReclaimPolicy;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import dev.volsim.model.storage.StorageClass;
import dev.volsim.model.storage.VolumeBindingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StorageClasses: defaults, WaitForFirstConsumer with allowed topologies, validation rules. */
class StorageClassValidationTest {

  static String sc(String rest) {
    return "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n" + rest;
  }

  static LoadResult load(String yaml) {
    return ManifestLoader.strict().parse("t.yaml", yaml);
  }

  static List<String> problems(String yaml) {
    return load(yaml).problems().stream().filter(Problem::isError).map(Problem::message).toList();
  }

  @Test
  void defaultsAreDeleteAndImmediate() {
    LoadResult r = load(sc("provisioner: ebs.csi.aws.com\n"));
    assertThat(r.problems()).isEmpty();
    StorageClass c = (StorageClass) r.objects().get(0);
    assertThat(c.reclaimPolicy()).isEqualTo(PersistentVolumeReclaimPolicy.DELETE);
    assertThat(c.volumeBindingMode()).isEqualTo(VolumeBindingMode.IMMEDIATE);
    assertThat(c.namespaced()).isFalse();
    assertThat(c.apiVersion()).isEqualTo("storage.k8s.io/v1");
  }

  @Test
  void waitForFirstConsumerWithAllowedTopologiesLoads() {
    LoadResult r = load(sc("provisioner: kubernetes.io/no-provisioner\nreclaimPolicy: Retain\n"
        + "volumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true\nmountOptions: [noatime]\n"
        + "parameters: {type: gp3}\nallowedTopologies:\n"
        + "- matchLabelExpressions:\n  - key: topology.kubernetes.io/zone\n    values: [us-east-1a, us-east-1b]\n"));
    assertThat(r.problems()).isEmpty();
    StorageClass c = (StorageClass) r.objects().get(0);
    assertThat(c.volumeBindingMode()).isEqualTo(VolumeBindingMode.WAIT_FOR_FIRST_CONSUMER);
    assertThat(c.reclaimPolicy()).isEqualTo(PersistentVolumeReclaimPolicy.RETAIN);
    assertThat(c.allowedTopologies().get(0).matchLabelExpressions().get(0).values())
        .containsExactly("us-east-1a", "us-east-1b");
    assertThat(c.allowVolumeExpansion()).isTrue();
  }

  @Test
  void rules() {
    assertThat(problems(sc(""))).containsExactly("provisioner: Required value");
    assertThat(problems(sc("provisioner: 'a/b/c'\n")))
        .containsExactly("provisioner: Invalid value: \"a/b/c\": " + Names.qualifiedName("a/b/c").get(0));
    assertThat(problems(sc("provisioner: p\nreclaimPolicy: Recycle\n")))
        .containsExactly("reclaimPolicy: Unsupported value: \"Recycle\": supported values: \"Delete\", \"Retain\"");
    assertThat(problems(sc("provisioner: p\nvolumeBindingMode: Later\n")))
        .containsExactly("volumeBindingMode: Unsupported value: \"Later\": supported values: \"Immediate\", \"WaitForFirstConsumer\"");
    assertThat(problems(sc("provisioner: p\nparameters: {'': x}\n")))
        .containsExactly("parameters: Invalid value: \"\": field can not be empty.");
  }

  @Test
  void allowedTopologyRules() {
    assertThat(problems(sc("provisioner: p\nallowedTopologies:\n- matchLabelExpressions:\n  - key: zone\n"
        + "  - key: zone\n    values: [a, a]\n")))
        .containsExactly(
            "allowedTopologies[0].matchLabelExpressions[0].values: Required value",
            "allowedTopologies[0].matchLabelExpressions[1].values[1]: Duplicate value: \"a\"",
            "allowedTopologies[0].matchLabelExpressions[1].key: Duplicate value: \"zone\"");
    assertThat(problems(sc("provisioner: p\nallowedTopologies:\n"
        + "- matchLabelExpressions: [{key: zone, values: [a]}]\n- matchLabelExpressions: [{key: zone, values: [a]}]\n")))
        .containsExactly("allowedTopologies[1].matchLabelExpressions: Duplicate value: \"\"");
  }
}
