package dev.volsim.core.volume;

/** Tears down one volume of one Pod on a node (upstream's {@code volume.Unmounter}). */
public interface Unmounter {
  /** The volume's per-Pod path. */
  String path();

  /**
   * Upstream's {@code TearDown}: unmounts, and for Pod-owned volumes (emptyDir and those wrapping it)
   * deletes the content. A volume that was never set up is a no-op.
   */
  void tearDown(NodeContext node);
}
