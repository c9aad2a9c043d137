package dev.volsim.core.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.volsim.model.volume.ConfigMapVolumeSource;
import dev.volsim.model.volume.DownwardAPIVolumeSource;
import dev.volsim.model.volume.EmptyDirVolumeSource;
import dev.volsim.model.volume.GitRepoVolumeSource;
import dev.volsim.model.volume.HostPathVolumeSource;
import dev.volsim.model.volume.NFSVolumeSource;
import dev.volsim.model.volume.ProjectedVolumeSource;
import dev.volsim.model.volume.SecretVolumeSource;
import dev.volsim.model.volume.Volume;
import org.junit.jupiter.api.Test;

class VolumePluginsTest {
  @Test
  void pluginsCarryKubernetesNamesAndNoneIsAttachable() {
    assertThat(VolumePlugins.all()).extracting(VolumePlugin::pluginName).containsExactly(
        "kubernetes.io/empty-dir", "kubernetes.io/git-repo", "kubernetes.io/host-path", "kubernetes.io/nfs",
        "kubernetes.io/secret", "kubernetes.io/configmap", "kubernetes.io/downward-api", "kubernetes.io/projected");
    assertThat(VolumePlugins.all()).noneMatch(VolumePlugin::isAttachable).noneMatch(VolumePlugin::requiresMountDevice);
  }

  @Test
  void eachSourceFindsItsPlugin() {
    assertThat(VolumePlugins.find(new EmptyDirVolumeSource(null, null)).orElseThrow().pluginName())
        .isEqualTo("kubernetes.io/empty-dir");
    assertThat(VolumePlugins.find(new HostPathVolumeSource("/x", null)).orElseThrow().pluginName())
        .isEqualTo("kubernetes.io/host-path");
    assertThat(VolumePlugins.find(new NFSVolumeSource("s", "/e", false)).orElseThrow().pluginName())
        .isEqualTo("kubernetes.io/nfs");
    assertThat(VolumePlugins.find(new GitRepoVolumeSource("u", null, null)).orElseThrow().pluginName())
        .isEqualTo("kubernetes.io/git-repo");
    assertThat(VolumePlugins.find(new ConfigMapVolumeSource("c", null, null, null)).orElseThrow().pluginName())
        .isEqualTo("kubernetes.io/configmap");
    assertThat(VolumePlugins.find(new SecretVolumeSource("s", null, null, null)).orElseThrow().pluginName())
        .isEqualTo("kubernetes.io/secret");
    assertThat(VolumePlugins.find(new DownwardAPIVolumeSource(null, null)).orElseThrow().pluginName())
        .isEqualTo("kubernetes.io/downward-api");
    assertThat(VolumePlugins.find(new ProjectedVolumeSource(null, null)).orElseThrow().pluginName())
        .isEqualTo("kubernetes.io/projected");
  }

  @Test
  void aMounterForAnotherSourceIsRefused() {
    var pod = VolumeFixtures.pod("u", new EmptyDirVolumeSource(null, null));
    VolumePlugin nfs = VolumePlugins.named("kubernetes.io/nfs").orElseThrow();
    assertThatThrownBy(() -> nfs.newMounter(pod, new Volume("v", new EmptyDirVolumeSource(null, null))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
