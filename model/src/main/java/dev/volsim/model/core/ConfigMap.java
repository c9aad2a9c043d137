package dev.volsim.model.core;

import com.google.common.collect.ImmutableSortedMap;
import dev.volsim.model.Bytes;
import dev.volsim.model.Immutables;
import dev.volsim.model.KubeObject;
import dev.volsim.model.ObjectMeta;

/**
 * A ConfigMap: text ({@code data}) and binary ({@code binaryData}) values by key.
 *
 * @param metadata the object's metadata
 * @param immutable when true, data can no longer be changed (null: unset)
 * @param data UTF-8 values by key
 * @param binaryData binary values by key
 */
public record ConfigMap(
    ObjectMeta metadata,
    Boolean immutable,
    ImmutableSortedMap<String, String> data,
    ImmutableSortedMap<String, Bytes> binaryData) implements KubeObject {

  public ConfigMap {
    metadata = metadata == null ? ObjectMeta.builder().build() : metadata;
    data = Immutables.map(data);
    binaryData = Immutables.map(binaryData);
  }

  @Override
  public String apiVersion() {
    return "v1";
  }

  @Override
  public String kind() {
    return "ConfigMap";
  }
}
