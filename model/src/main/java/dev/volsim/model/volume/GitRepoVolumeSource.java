package dev.volsim.model.volume;

import dev.volsim.model.WireName;

/**
 * {@code gitRepo} (deprecated): an emptyDir into which a git repository is cloned once at Pod
 * start.
 *
 * @param repository the repository URL; required
 * @param revision the commit to check out; empty for the default branch's head
 * @param directory the target directory, relative and without {@code ..}; "." clones into the
 *     volume root, empty into a subdirectory named after the repository
 */
@WireName("gitRepo")
public record GitRepoVolumeSource(String repository, String revision, String directory) implements VolumeSource {}
