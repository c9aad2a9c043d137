package dev.volsim.core.api;

import dev.volsim.model.KubeObject;
import dev.volsim.model.io.Codec;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.Location;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import dev.volsim.model.io.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Edits an object as its serialized tree, as a controller edits a deep copy: the object is
 * written out, {@code edit} changes the tree, and the tree is read back. Used where a change
 * touches one field deep in a large record (a Pod's tolerations, a Node's taints).
 */
public final class ObjectTrees {
  private ObjectTrees() {}

  /**
   * The object with {@code edit} applied to its tree.
   *
   * @throws IllegalStateException if the edited tree is no longer a valid object of the kind
   */
  @SuppressWarnings("unchecked")
  public static <T extends KubeObject> T edit(T object, Consumer<Map<String, Object>> edit) {
    Map<String, Object> tree = Codec.encodeObject(object);
    edit.accept(tree);
    LoadResult r = ManifestLoader.strict().withoutValidation().decode(Trees.fromPlain(tree, Location.startOf("edit")));
    if (!r.errors().isEmpty() || r.objects().size() != 1) {
      throw new IllegalStateException("edit of " + object.kind() + " " + object.metadata().name() + " failed: "
          + r.errors().stream().map(Problem::message).collect(Collectors.joining("; ")));
    }
    return (T) r.objects().get(0);
  }

  /** The map at {@code key} of {@code tree}, created empty when absent. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, Object> tree, String key) {
    return (Map<String, Object>) tree.computeIfAbsent(key, k -> new java.util.LinkedHashMap<String, Object>());
  }

  /** The list at {@code key} of {@code tree}, created empty when absent. */
  @SuppressWarnings("unchecked")
  public static List<Object> list(Map<String, Object> tree, String key) {
    Object v = tree.get(key);
    if (v == null) {
      List<Object> l = new ArrayList<>();
      tree.put(key, l);
      return l;
    }
    return (List<Object>) v;
  }
}
