package dev.volsim.scenario.expr;

import dev.volsim.core.api.ApiServer;
import dev.volsim.core.trace.TraceEntry;
import java.util.List;

/** What an expectation is checked against: the API as it is now and the trace so far. */
public interface ExpectationContext {
  /** The API server, read as it is now. */
  ApiServer api();

  /** Every trace entry so far, oldest first. */
  List<TraceEntry> trace();

  /** Resolves {@code ${...}} in the expectation's values. */
  Interpolator interpolator();

  /** A context of fixed parts. */
  static ExpectationContext of(ApiServer api, List<TraceEntry> trace, Interpolator interpolator) {
    return new ExpectationContext() {
      @Override
      public ApiServer api() {
        return api;
      }

      @Override
      public List<TraceEntry> trace() {
        return trace;
      }

      @Override
      public Interpolator interpolator() {
        return interpolator;
      }
    };
  }
}
