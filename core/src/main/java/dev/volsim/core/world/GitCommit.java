package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;

/**
 * A commit of a simulated git repository.
 *
 * @param id its id (a short hex id as scenarios write it, or a full one)
 * @param branch the branch it was committed on; the branch's head is its newest commit
 * @param parent the commit it follows, or null for the previous commit of its branch
 * @param files the whole tree at this commit
 */
public record GitCommit(String id, String branch, String parent, ImmutableList<FileSpec> files) {
  public GitCommit {
    requireNonNull(id, "id is null");
    requireNonNull(branch, "branch is null");
    checkArgument(!id.isEmpty(), "commit id is empty");
    files = files == null ? ImmutableList.of() : files;
  }
}
