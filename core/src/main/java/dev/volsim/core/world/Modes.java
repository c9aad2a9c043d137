package dev.volsim.core.world;

import static com.google.common.base.Preconditions.checkArgument;

/** Octal permission modes as scenarios and {@code stat} write them ({@code "0755"}). */
public final class Modes {
  /** Set-user-ID bit. */
  public static final int S_ISUID = 04000;
  /** Set-group-ID bit: on a directory, new entries inherit its group. */
  public static final int S_ISGID = 02000;
  /** Sticky bit: in such a directory only an entry's owner, the directory's owner or root may remove it. */
  public static final int S_ISVTX = 01000;

  private Modes() {}

  /**
   * Parses an octal mode ({@code "0644"}, {@code "755"}, {@code "1777"}).
   *
   * @throws IllegalArgumentException if it is not octal or exceeds 07777
   */
  public static int parse(String octal) {
    checkArgument(octal != null && octal.matches("0?[0-7]{1,4}"), "mode \"%s\" is not octal", octal);
    int mode = Integer.parseInt(octal, 8);
    checkArgument(mode <= 07777, "mode \"%s\" exceeds 07777", octal);
    return mode;
  }

  /** Four octal digits: {@code 0755}, {@code 1777}. */
  public static String format(int mode) {
    return String.format("%04o", mode & 07777);
  }
}
