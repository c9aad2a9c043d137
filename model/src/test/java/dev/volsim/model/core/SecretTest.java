package dev.volsim.model.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.volsim.model.Bytes;
import dev.volsim.model.ObjectMeta;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.ManifestWriter;
import dev.volsim.model.io.Problem;
import dev.volsim.model.validation.FieldError;
import dev.volsim.model.validation.SecretValidation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets: stringData folded into data, the Opaque default, and type-specific validation. */
class SecretTest {
  private static LoadResult parse(String yaml) {
    return ManifestLoader.strict().parse("secret.yaml", yaml);
  }

  private static List<String> problems(String yaml) {
    return parse(yaml).problems().stream().map(Problem::toString).toList();
  }

  @Test
  void stringDataIsMergedIntoDataAndTypeDefaultsToOpaque() {
    LoadResult r = parse("""
        apiVersion: v1
        kind: Secret
        metadata: {name: db, namespace: shop}
        data: {user: YWRtaW4=, password: b2xk}
        stringData: {password: s3cret}
        """);
    assertThat(r.problems()).isEmpty();
    Secret s = (Secret) r.objects().get(0);
    assertThat(s.type()).isEqualTo("Opaque");
    assertThat(s.stringData()).isEmpty();
    assertThat(s.data().get("user").asUtf8()).isEqualTo("admin");
    assertThat(s.data().get("password").asUtf8()).isEqualTo("s3cret");
    assertThat(ManifestWriter.toYaml(s)).contains("password: czNjcmV0").doesNotContain("stringData");
  }

  @Test
  void tlsSecretNeedsCertificateAndKey() {
    assertThat(problems("""
        apiVersion: v1
        kind: Secret
        metadata: {name: tls}
        type: kubernetes.io/tls
        data: {tls.crt: Y2VydA==}
        """)).containsExactly("secret.yaml:5:1: data[tls.key]: Required value");
  }

  @Test
  void dockerConfigJsonSecretNeedsAJsonObject() {
    assertThat(problems("""
        apiVersion: v1
        kind: Secret
        metadata: {name: pull}
        type: kubernetes.io/dockerconfigjson
        """)).containsExactly("secret.yaml:1:1: data[.dockerconfigjson]: Required value");
    assertThat(problems("""
        apiVersion: v1
        kind: Secret
        metadata: {name: pull}
        type: kubernetes.io/dockerconfigjson
        stringData: {.dockerconfigjson: "plain text"}
        """)).containsExactly("secret.yaml:1:1: data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\": "
            + "invalid character 'p' looking for beginning of value");
    assertThat(problems("""
        apiVersion: v1
        kind: Secret
        metadata: {name: pull}
        type: kubernetes.io/dockerconfigjson
        stringData: {.dockerconfigjson: '{"auths": {}}'}
        """)).isEmpty();
  }

  @Test
  void basicAuthNeedsUsernameOrPasswordAndServiceAccountTokenItsAnnotation() {
    assertThat(problems("""
        apiVersion: v1
        kind: Secret
        metadata: {name: basic}
        type: kubernetes.io/basic-auth
        """)).containsExactly(
            "secret.yaml:1:1: data[username]: Required value", "secret.yaml:1:1: data[password]: Required value");
    assertThat(problems("""
        apiVersion: v1
        kind: Secret
        metadata: {name: token}
        type: kubernetes.io/service-account-token
        """)).containsExactly(
            "secret.yaml:3:1: metadata.annotations[kubernetes.io/service-account.name]: Required value");
  }

  @Test
  void keysMustBeConfigKeys() {
    assertThat(problems("""
        apiVersion: v1
        kind: Secret
        metadata: {name: bad}
        stringData: {"a b": x}
        """)).containsExactly("secret.yaml:1:1: data[a b]: Invalid value: \"a b\": a valid config key must consist of "
            + "alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', "
            + "regex used for validation is '[-._a-zA-Z0-9]+')");
  }

  @Test
  void dataLargerThanOneMebibyteIsTooLong() {
    Secret big = Secret.of(ObjectMeta.named("ns", "big"), Map.of("blob", Bytes.of(new byte[1024 * 1024 + 1])));
    assertThat(SecretValidation.validateSecret(big)).extracting(FieldError::toString)
        .containsExactly("data: Too long: may not be more than 1048576 bytes");
  }

  @Test
  void immutableSecretDataCannotChange() {
    Secret old = new Secret(ObjectMeta.named("ns", "s"), true,
        com.google.common.collect.ImmutableSortedMap.of("k", Bytes.utf8("v")), null, null);
    Secret changed = new Secret(ObjectMeta.named("ns", "s"), null,
        com.google.common.collect.ImmutableSortedMap.of("k", Bytes.utf8("w")), null, "kubernetes.io/tls");
    assertThat(SecretValidation.validateSecretUpdate(changed, old)).extracting(FieldError::toString).containsExactly(
        "type: Invalid value: \"kubernetes.io/tls\": field is immutable",
        "immutable: Forbidden: field is immutable when `immutable` is set",
        "data: Forbidden: field is immutable when `immutable` is set",
        "data[tls.crt]: Required value",
        "data[tls.key]: Required value");
  }
}
