package dev.volsim.scenario;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.model.KubeObject;
import dev.volsim.model.io.Location;

/**
 * One manifest of {@code objects} or of an {@code apply} step. A manifest without run-time
 * references ({@code ${...}}) is decoded and validated when the scenario is read; one with
 * references is kept as a plain tree and decoded when its step runs, after interpolation (a
 * {@code kind: List} so deferred may then give several objects).
 *
 * @param location where the manifest starts (in the scenario or in a {@code file:})
 * @param object the decoded object, or null when deferred
 * @param template the plain tree ({@code Map}/{@code List}/scalars) to interpolate, or null when
 *     decoded
 */
public record ScenarioManifest(Location location, KubeObject object, Object template) {
  public ScenarioManifest {
    requireNonNull(location, "location is null");
    checkArgument((object == null) != (template == null), "exactly one of object and template is needed");
  }

  /** A manifest decoded when the scenario was read. */
  public static ScenarioManifest decoded(Location location, KubeObject object) {
    return new ScenarioManifest(location, requireNonNull(object, "object is null"), null);
  }

  /** A manifest with run-time references, decoded when its step runs. */
  public static ScenarioManifest deferred(Location location, Object template) {
    return new ScenarioManifest(location, null, requireNonNull(template, "template is null"));
  }

  /** Whether it is decoded only when its step runs. */
  public boolean isDeferred() {
    return object == null;
  }
}
