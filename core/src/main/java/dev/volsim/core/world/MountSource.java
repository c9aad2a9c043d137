package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

/**
 * What can be mounted: a directory (or file) of a {@link FileTree}, how the file system sees callers,
 * whether it refuses writes, and how a mount table names it.
 *
 * @param tree the file system
 * @param subPath the directory or file of the tree mounted ({@code /} for all of it)
 * @param readOnly whether the source itself refuses writes (an NFS export with {@code ro})
 * @param mapping how callers' credentials are seen (NFS squashing)
 * @param fsType the type the mount table shows ({@code ext4}, {@code tmpfs}, {@code nfs4})
 * @param device the source the mount table shows ({@code 10.0.0.50:/data/redis}, {@code tmpfs})
 */
public record MountSource(FileTree tree, String subPath, boolean readOnly, CredentialsMapping mapping,
    String fsType, String device) {
  public MountSource {
    requireNonNull(tree, "tree is null");
    requireNonNull(subPath, "subPath is null");
    requireNonNull(mapping, "mapping is null");
    requireNonNull(fsType, "fsType is null");
    requireNonNull(device, "device is null");
  }

  /** The same source narrowed to {@code path} below its sub-path (a {@code subPath} volume mount). */
  public MountSource subdirectory(String path) {
    requireNonNull(path, "path is null");
    return new MountSource(tree, PathWalker.normalize(subPath + "/" + path), readOnly, mapping, fsType, device);
  }
}
