package dev.volsim.model.core;

import dev.volsim.model.ObjectMeta;

/**
 * The template Pods are made from by workload controllers (Deployment, StatefulSet, ...).
 *
 * @param metadata labels and annotations the Pods get (name and namespace are set by the
 *     controller)
 * @param spec the Pods' spec
 */
public record PodTemplateSpec(ObjectMeta metadata, PodSpec spec) {
  public PodTemplateSpec {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
  }
}
