package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/** @param command the command line, run without a shell */
public record ExecAction(ImmutableList<String> command) {
  public ExecAction {
    command = Immutables.list(command);
  }
}
