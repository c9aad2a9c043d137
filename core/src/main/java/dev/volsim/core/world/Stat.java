package dev.volsim.core.world;

import static java.util.Objects.requireNonNull;

/**
 * What {@code stat(2)} reports of a file.
 *
 * @param type the file's type ({@link FileType#SYMLINK} only from {@code lstat})
 * @param mode permission bits with set-id and sticky bits (07777)
 * @param uid owner
 * @param gid group
 * @param size bytes of content; 4096 for a directory, the target's length for a symlink, 0 for others
 * @param target a symlink's target, or null
 */
public record Stat(FileType type, int mode, int uid, int gid, long size, String target) {
  public Stat {
    requireNonNull(type, "type is null");
  }

  /** The mode as four octal digits ({@code 0644}). */
  public String modeString() {
    return Modes.format(mode);
  }
}
