package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Memory-backed file systems. A tmpfs lives in the node's memory: it is lost when the node crashes and
 * refuses writes past its size with {@code No space left on device}.
 */
public final class Tmpfs {
  private Tmpfs() {}

  /**
   * A tmpfs of {@code sizeBytes} (Linux's {@code size=}; 0 means no limit, as there) whose root is
   * {@code 1777 root:root}, tmpfs's default.
   */
  public static FileTree create(long sizeBytes) {
    return create(sizeBytes, 01777);
  }

  /** A tmpfs of {@code sizeBytes} whose root has {@code rootMode} (an emptyDir's is 0777). */
  public static FileTree create(long sizeBytes, int rootMode) {
    checkArgument(sizeBytes >= 0, "size is %s", sizeBytes);
    return FileTree.create("tmpfs", sizeBytes == 0 ? FileTree.UNLIMITED : sizeBytes, rootMode, 0, 0);
  }
}
