package dev.volsim.core.api;

import dev.volsim.model.KubeObject;

/**
 * A mutating or validating admission plugin, run on create before validation, as the API server
 * runs its admission chain.
 */
public interface AdmissionPlugin {
  /** The plugin's upstream name ({@code DefaultStorageClass}). */
  String name();

  /**
   * Admits an object being created: returns it, possibly changed, or throws to refuse it.
   *
   * @throws ApiException to refuse the request
   */
  KubeObject admitCreate(KubeObject object, ApiServer api);
}
