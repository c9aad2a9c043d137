package dev.volsim.core.controller;

/**
 * A component of the control plane or a node that a scenario can address by name, to pause it
 * (it stops acting and its caches stop updating) and resume it (it catches up). Names are
 * Kubernetes' own ({@code persistentvolume-controller}, {@code garbage-collector}).
 */
public interface Controller {
  /** The component's name. */
  String name();

  /** Stops acting and updating caches; a no-op when paused. */
  void pause();

  /** Catches up with the API and acts again; a no-op when running. */
  void resume();

  boolean isPaused();
}
