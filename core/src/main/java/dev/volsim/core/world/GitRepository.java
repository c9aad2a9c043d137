package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A repository on a {@link GitServer}: its URL, default branch and commits, oldest first. Pushing
 * appends a commit, which becomes the head of its branch.
 */
public final class GitRepository {
  private final String url;
  private final String defaultBranch;
  private final List<GitCommit> commits = new ArrayList<>();

  /** An empty repository. */
  public GitRepository(String url, String defaultBranch) {
    this.url = requireNonNull(url, "url is null");
    this.defaultBranch = requireNonNull(defaultBranch, "defaultBranch is null");
  }

  /** Its URL. */
  public String url() {
    return url;
  }

  /** The branch a clone checks out without a revision. */
  public String defaultBranch() {
    return defaultBranch;
  }

  /** Its commits, oldest first. */
  public List<GitCommit> commits() {
    return List.copyOf(commits);
  }

  /**
   * Adds a commit ({@code git push}).
   *
   * @throws IllegalArgumentException if a commit with that id exists
   */
  public void push(GitCommit commit) {
    requireNonNull(commit, "commit is null");
    for (GitCommit existing : commits) {
      if (existing.id().equals(commit.id())) {
        throw new IllegalArgumentException("commit " + commit.id() + " already exists in " + url);
      }
    }
    commits.add(commit);
  }

  /** The newest commit of {@code branch}. */
  public Optional<GitCommit> head(String branch) {
    for (int i = commits.size() - 1; i >= 0; i--) {
      if (commits.get(i).branch().equals(branch)) {
        return Optional.of(commits.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * What {@code git checkout <revision>} checks out: a branch's head, else the commit whose id is the
   * revision or starts with it (at least 4 characters, and only one commit may match).
   */
  public Optional<GitCommit> resolve(String revision) {
    Optional<GitCommit> head = head(revision);
    if (head.isPresent()) {
      return head;
    }
    GitCommit found = null;
    for (GitCommit commit : commits) {
      if (commit.id().equals(revision)) {
        return Optional.of(commit);
      } else if (revision.length() >= 4 && commit.id().startsWith(revision)) {
        if (found != null) {
          return Optional.empty(); // ambiguous
        }
        found = commit;
      }
    }
    return Optional.ofNullable(found);
  }
}
