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

  /** The file systems of the simulation, or null when there are none to look at. */
  default FileAccess files() {
    return null;
  }

  /** A context of fixed parts. */
  static ExpectationContext of(ApiServer api, List<TraceEntry> trace, Interpolator interpolator) {
    return of(api, trace, interpolator, null);
  }

  /** A context of fixed parts with file access ({@code files} may be null). */
  static ExpectationContext of(ApiServer api, List<TraceEntry> trace, Interpolator interpolator, FileAccess files) {
    return new ExpectationContext() {
      @Override
      public FileAccess files() {
        return files;
      }

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
