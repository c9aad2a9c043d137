package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The git hosting the cluster can reach: repositories by URL. A clone is what kubelet's gitRepo
 * volume does ({@code git clone -- <url> <dir>}, then {@code git checkout <revision>}): the files of
 * the default branch's head or of the revision, plus a {@code .git} directory whose {@code HEAD}
 * names the branch or, for a commit, holds its id (a detached HEAD).
 */
public final class GitServer {
  private final TreeMap<String, GitRepository> repositories = new TreeMap<>();

  /** A server without repositories. */
  public GitServer() {}

  /**
   * Adds a repository.
   *
   * @throws IllegalArgumentException if its URL is taken
   */
  public void addRepository(GitRepository repository) {
    requireNonNull(repository, "repository is null");
    if (repositories.putIfAbsent(repository.url(), repository) != null) {
      throw new IllegalArgumentException("repository " + repository.url() + " already exists");
    }
  }

  /** The repository at {@code url}. */
  public Optional<GitRepository> repository(String url) {
    return Optional.ofNullable(repositories.get(url));
  }

  /** All repositories, by URL. */
  public List<GitRepository> repositories() {
    return List.copyOf(repositories.values());
  }

  /**
   * Pushes a commit to the repository at {@code url}.
   *
   * @throws GitException if there is no such repository
   */
  public void push(String url, GitCommit commit) {
    require(url).push(commit);
  }

  /**
   * The commit a clone of {@code url} at {@code revision} checks out (null or empty: the default
   * branch's head), or empty for a repository without commits on its default branch.
   *
   * @throws GitException {@code fatal: repository '<url>' not found}, or
   *     {@code error: pathspec '<revision>' did not match any file(s) known to git}
   */
  public Optional<GitCommit> resolve(String url, String revision) {
    GitRepository repository = require(url);
    if (revision == null || revision.isEmpty()) {
      return repository.head(repository.defaultBranch());
    }
    Optional<GitCommit> commit = repository.resolve(revision);
    if (commit.isEmpty()) {
      throw new GitException("error: pathspec '" + revision + "' did not match any file(s) known to git");
    }
    return commit;
  }

  /** A fresh tree holding a clone of {@code url} at {@code revision}, owned by root. */
  public FileTree clone(String url, String revision) {
    FileTree tree = FileTree.create();
    cloneInto(url, revision, tree, "/", Credentials.ROOT);
    return tree;
  }

  /**
   * Clones into {@code directory} of {@code view} as {@code as}: makes the directory if missing, then
   * writes the commit's files (owned by {@code as}, mode 0644 unless the commit says otherwise) and
   * {@code .git/HEAD}.
   *
   * @throws GitException as {@link #resolve}, or {@code fatal: destination path '<dir>' already exists
   *     and is not an empty directory.}
   * @throws FsException if the files cannot be written (permissions, space)
   */
  public void cloneInto(String url, String revision, FileSystemView view, String directory, Credentials as) {
    Optional<GitCommit> commit = resolve(url, revision);
    if (view.exists(directory, as)) {
      if (!view.list(directory, as).isEmpty()) {
        throw new GitException("fatal: destination path '" + directory
            + "' already exists and is not an empty directory.");
      }
    } else {
      view.mkdirs(directory, as);
    }
    String base = directory.endsWith("/") ? directory : directory + "/";
    GitRepository repository = require(url);
    boolean detached = revision != null && !revision.isEmpty() && repository.head(revision).isEmpty();
    view.mkdir(base + ".git", as);
    view.write(base + ".git/HEAD", detached ? commit.get().id() + "\n"
        : "ref: refs/heads/" + (revision == null || revision.isEmpty() ? repository.defaultBranch() : revision)
            + "\n", as);
    if (commit.isEmpty()) {
      return;
    }
    for (FileSpec file : commit.get().files()) {
      String path = PathWalker.normalize(base + file.path());
      String parent = path.substring(0, path.lastIndexOf('/'));
      if (!parent.isEmpty()) {
        view.mkdirs(parent, as);
      }
      switch (file.type()) {
        case DIRECTORY -> view.mkdirs(path, as);
        case SYMLINK -> view.symlink(path, file.target(), as);
        case REGULAR_FILE -> {
          if (file.content() != null) {
            view.write(path, file.content(), as);
          } else {
            view.writeFiller(path, Math.max(0, file.size()), as);
          }
          if (file.mode() >= 0) {
            view.chmod(path, file.mode(), as);
          }
        }
        case SOCKET, CHAR_DEVICE, BLOCK_DEVICE -> { } // git stores no special files
      }
    }
  }

  private GitRepository require(String url) {
    requireNonNull(url, "url is null");
    GitRepository repository = repositories.get(url);
    if (repository == null) {
      throw new GitException("fatal: repository '" + url + "' not found");
    }
    return repository;
  }
}
