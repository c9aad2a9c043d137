package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;

/**
 * A Namespace.
 *
 * @param metadata the object's metadata
 * @param spec its finalizers
 * @param status its phase ({@code Active} or {@code Terminating})
 */
public record Namespace(ObjectMeta metadata, Spec spec, Status status) implements KubeObject {
  public Namespace {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
  }

  /** A namespace with this name. */
  public static Namespace named(String name) {
    return new Namespace(ObjectMeta.named(name), null, null);
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "Namespace";
  }

  @Override
  public boolean namespaced() {
    return false;
  }

  /** @param finalizers the namespace finalizers ({@code kubernetes}) */
  public record Spec(ImmutableList<String> finalizers) {
    public Spec {
      finalizers = Immutables.list(finalizers);
    }
  }

  /** @param phase {@code Active} or {@code Terminating} */
  public record Status(String phase) {}
}
