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

  /**
   * The object as serialized ({@link dev.volsim.model.io.Codec#encodeObject}), which field paths
   * read. Callers must not change the tree: a context may hand the same one out again while the
   * object is unchanged.
   */
  default java.util.Map<String, Object> encoded(dev.volsim.model.KubeObject object) {
    return dev.volsim.model.io.Codec.encodeObject(object);
  }

  /** A context of fixed parts. */
  static ExpectationContext of(ApiServer api, List<TraceEntry> trace, Interpolator interpolator) {
    return of(api, trace, interpolator, null);
  }

  /** A context of fixed parts with file access ({@code files} may be null). */
  static ExpectationContext of(ApiServer api, List<TraceEntry> trace, Interpolator interpolator, FileAccess files) {
    return new ExpectationContext() {
      /**
       * The last objects encoded, by identity: the API server keeps an unchanged object as the same
       * immutable instance, so a {@code waitFor} that re-checks its expectation after every event
       * serializes an object only when it changed.
       */
      private final java.util.LinkedHashMap<IdentityKey, java.util.Map<String, Object>> cache =
          new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<IdentityKey, java.util.Map<String, Object>> e) {
              return size() > 64;
            }
          };

      @Override
      public java.util.Map<String, Object> encoded(dev.volsim.model.KubeObject object) {
        return cache.computeIfAbsent(new IdentityKey(object), k -> dev.volsim.model.io.Codec.encodeObject(object));
      }

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

  /** A key equal only to itself's referent: identity, not {@code equals}. */
  final class IdentityKey {
    private final Object referent;

    IdentityKey(Object referent) {
      this.referent = referent;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.referent == referent;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(referent);
    }
  }
}
