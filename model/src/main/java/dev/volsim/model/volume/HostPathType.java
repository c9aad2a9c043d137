package dev.volsim.model.volume;

import dev.volsim.model.WireEnum;

/** {@code hostPath.type}: what must be (or is created) at the path before the mount. */
public enum HostPathType implements WireEnum {
  /** No check (the default). */
  UNSET(""),
  /** A directory, created (mode 0755) when missing. */
  DIRECTORY_OR_CREATE("DirectoryOrCreate"),
  /** An existing directory. */
  DIRECTORY("Directory"),
  /** A file, created empty (mode 0644) when missing. */
  FILE_OR_CREATE("FileOrCreate"),
  /** An existing file. */
  FILE("File"),
  /** An existing UNIX socket. */
  SOCKET("Socket"),
  /** An existing character device. */
  CHAR_DEVICE("CharDevice"),
  /** An existing block device. */
  BLOCK_DEVICE("BlockDevice");

  private final String wire;

  HostPathType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
