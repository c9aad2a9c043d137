package dev.volsim.core.engine;

/**
 * Thrown when a run executes more events than its budget allows, which in a simulation that
 * should settle means some component keeps rescheduling itself. The message names it.
 */
public final class EventBudgetExceededException extends RuntimeException {
  private final String component;

  EventBudgetExceededException(String message, String component) {
    super(message);
    this.component = component;
  }

  /** The component that scheduled most of the recent events. */
  public String component() {
    return component;
  }
}
