package dev.volsim.core.volume;

import static dev.volsim.core.volume.VolumeFixtures.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import dev.volsim.core.world.FileSpec;
import dev.volsim.core.world.GitCommit;
import dev.volsim.core.world.GitRepository;
import dev.volsim.core.world.GitServer;
import dev.volsim.core.world.MountSource;
import dev.volsim.model.core.Pod;
import dev.volsim.model.volume.GitRepoVolumeSource;
import org.junit.jupiter.api.Test;

class GitRepoPluginTest {
  private static final String URL = "https://github.com/iKubernetes/Kubernetes_Advanced_Practical_2rd.git";
  private final VolumePlugin plugin = VolumePlugins.named("kubernetes.io/git-repo").orElseThrow();
  private final GitServer git = new GitServer();

  GitRepoPluginTest() {
    GitRepository repository = new GitRepository(URL, "main");
    repository.push(new GitCommit("1a2b3c4", "main", null, ImmutableList.of(FileSpec.file("index.html", "v1"))));
    repository.push(new GitCommit("5d6e7f8", "main", null, ImmutableList.of(FileSpec.file("index.html", "v2"))));
    git.addRepository(repository);
  }

  private StaticNodeContext node(String... packages) {
    return VolumeFixtures.node(packages).setGitServer(git).setFeatureGate("GitRepoVolumeDriver", true);
  }

  private Mounter mounter(String uid, String revision, String directory) {
    Pod pod = VolumeFixtures.pod(uid, new GitRepoVolumeSource(URL, revision, directory));
    return plugin.newMounter(pod, VolumeFixtures.volume(pod));
  }

  @Test
  void C17_cloneIntoTheVolumeAndCheckOutTheRevision() {
    StaticNodeContext node = node("git");
    MountSource source = mounter("uid-1", "1a2b3c4", ".").setUp(node);
    var app = VolumeFixtures.container(source, "/usr/share/nginx/html", false);
    assertThat(app.readString("/usr/share/nginx/html/index.html", ROOT)).isEqualTo("v1");

    MountSource subdir = mounter("uid-2", null, "site").setUp(node);
    assertThat(VolumeFixtures.container(subdir, "/html", false).readString("/html/site/index.html", ROOT))
        .isEqualTo("v2");
    MountSource named = mounter("uid-3", null, null).setUp(node);
    assertThat(VolumeFixtures.container(named, "/html", false)
        .readString("/html/Kubernetes_Advanced_Practical_2rd/index.html", ROOT)).isEqualTo("v2");
  }

  @Test
  void C18_aNodeWithoutGitFailsTheSetUp() {
    assertThatThrownBy(() -> mounter("uid-4", null, ".").setUp(node()))
        .isInstanceOf(VolumeSetUpException.class)
        .hasMessage("failed to exec 'git clone -- " + URL + " .': : exec: \"git\": executable file not found in $PATH");
  }

  @Test
  void C19_neverSyncsAgainAndIsDeletedWithThePod() {
    StaticNodeContext node = node("git");
    Mounter mounter = mounter("uid-5", null, ".");
    mounter.setUp(node);
    git.push(URL, new GitCommit("aaaaaaa", "main", "5d6e7f8", ImmutableList.of(FileSpec.file("index.html", "v3"))));
    MountSource again = mounter.setUp(node);
    assertThat(VolumeFixtures.container(again, "/html", false).readString("/html/index.html", ROOT)).isEqualTo("v2");
    plugin.newUnmounter("uid-5", "vol").tearDown(node);
    assertThat(node.disk().root().exists(mounter.path(), ROOT)).isFalse();
  }

  @Test
  void disabledFeatureGateUnknownRevisionAndRepositoryUseUpstreamsWords() {
    StaticNodeContext off = VolumeFixtures.node("git").setGitServer(git);
    assertThatThrownBy(() -> mounter("uid-6", null, ".").setUp(off))
        .hasMessage("git-repo volume plugin has been disabled; if necessary, it may be re-enabled by enabling the"
            + " feature-gate GitRepoVolumeDriver");
    assertThatThrownBy(() -> mounter("uid-7", "v9", ".").setUp(node("git")))
        .hasMessage("failed to exec 'git checkout v9': error: pathspec 'v9' did not match any file(s) known to git\n"
            + ": exit status 1");
    Pod pod = VolumeFixtures.pod("uid-8", new GitRepoVolumeSource("https://example.com/none.git", null, "."));
    assertThatThrownBy(() -> plugin.newMounter(pod, VolumeFixtures.volume(pod)).setUp(node("git")))
        .hasMessage("failed to exec 'git clone -- https://example.com/none.git .': fatal: repository"
            + " 'https://example.com/none.git' not found\n: exit status 128");
  }
}
