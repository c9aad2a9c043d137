package dev.volsim.core.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitServerTest {
  private static final String URL = "https://github.com/iKubernetes/Kubernetes_Advanced_Practical_2rd.git";
  private static final Credentials ROOT = Credentials.ROOT;

  private final GitServer git = new GitServer();

  @BeforeEach
  void repository() {
    GitRepository repository = new GitRepository(URL, "main");
    repository.push(new GitCommit("1a2b3c4", "main", null,
        ImmutableList.of(FileSpec.file("index.html", "<h1>v1</h1>"))));
    repository.push(new GitCommit("5d6e7f8", "main", null,
        ImmutableList.of(FileSpec.file("index.html", "<h1>v2</h1>"), FileSpec.file("css/site.css", "body{}"))));
    repository.push(new GitCommit("9a9a9a9", "dev", "1a2b3c4",
        ImmutableList.of(FileSpec.file("index.html", "<h1>dev</h1>"))));
    git.addRepository(repository);
  }

  @Test
  void cloneWithoutRevisionChecksOutTheDefaultBranchHead() {
    FileTree tree = git.clone(URL, null);

    assertThat(tree.readString("/index.html", ROOT)).isEqualTo("<h1>v2</h1>");
    assertThat(tree.list("/", ROOT)).containsExactly(".git", "css", "index.html");
    assertThat(tree.readString("/.git/HEAD", ROOT)).isEqualTo("ref: refs/heads/main\n");
  }

  @Test
  void cloneOfABranchChecksOutItsHead() {
    assertThat(git.clone(URL, "dev").readString("/index.html", ROOT)).isEqualTo("<h1>dev</h1>");
  }

  @Test
  void cloneOfACommitIdOrUniquePrefixDetachesHead() {
    FileTree tree = git.clone(URL, "1a2b3c4");
    assertThat(tree.readString("/index.html", ROOT)).isEqualTo("<h1>v1</h1>");
    assertThat(tree.exists("/css", ROOT)).isFalse();
    assertThat(tree.readString("/.git/HEAD", ROOT)).isEqualTo("1a2b3c4\n");
    assertThat(git.clone(URL, "5d6e").readString("/index.html", ROOT)).isEqualTo("<h1>v2</h1>");
  }

  @Test
  void unknownRepositoryAndRevisionFailWithGitsWords() {
    assertThatThrownBy(() -> git.clone("https://example.com/none.git", null))
        .isInstanceOf(GitException.class)
        .hasMessage("fatal: repository 'https://example.com/none.git' not found");
    assertThatThrownBy(() -> git.clone(URL, "v9"))
        .isInstanceOf(GitException.class)
        .hasMessage("error: pathspec 'v9' did not match any file(s) known to git");
  }

  @Test
  void pushedCommitsAreSeenByLaterClonesOnly() {
    FileTree before = git.clone(URL, "main");
    git.push(URL, new GitCommit("abcdef0", "main", null, ImmutableList.of(FileSpec.file("index.html", "v3"))));

    assertThat(before.readString("/index.html", ROOT)).isEqualTo("<h1>v2</h1>");
    assertThat(git.clone(URL, "main").readString("/index.html", ROOT)).isEqualTo("v3");
  }

  @Test
  void cloneIntoASubdirectoryOfAVolumeAsTheCaller() {
    FileTree volume = FileTree.create("ext4", FileTree.UNLIMITED, 0777, 0, 0);
    Credentials user = Credentials.of(1000, 1000);
    git.cloneInto(URL, null, volume, "/site", user);

    assertThat(volume.stat("/site/index.html", ROOT)).extracting(Stat::uid, Stat::modeString)
        .containsExactly(1000, "0644");
    assertThatThrownBy(() -> git.cloneInto(URL, null, volume, "/site", user))
        .isInstanceOf(GitException.class)
        .hasMessage("fatal: destination path '/site' already exists and is not an empty directory.");
  }
}
