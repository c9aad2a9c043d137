package dev.volsim.model.core;

import dev.volsim.model.WireEnum;

/** Where a container's termination message comes from ({@code terminationMessagePolicy}). */
public enum TerminationMessagePolicy implements WireEnum {
  /** Only the file at {@code terminationMessagePath} (the default). */
  FILE("File"),
  /** The file, or the tail of the log when the file is empty and the container failed. */
  FALLBACK_TO_LOGS_ON_ERROR("FallbackToLogsOnError");

  private final String wire;

  TerminationMessagePolicy(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
