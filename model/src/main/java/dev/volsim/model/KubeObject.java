package dev.volsim.model;

/**
 * A Kubernetes API object: something with an apiVersion, a kind and metadata.
 *
 * <p>Every implementation is an immutable record. {@link #apiVersion()} and {@link #kind()} are
 * fixed per type, so they are not record components; readers and writers add them.
 */
public interface KubeObject {
  /** The object's {@code apiVersion}, for example {@code v1} or {@code storage.k8s.io/v1}. */
  String apiVersion();

  /** The object's {@code kind}, for example {@code Pod}. */
  String kind();

  /** The object's metadata; never null. */
  ObjectMeta metadata();

  /** Whether objects of this kind live in a namespace. */
  default boolean namespaced() {
    return true;
  }
}
