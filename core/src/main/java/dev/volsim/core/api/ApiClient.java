package dev.volsim.core.api;

import static java.util.Objects.requireNonNull;

import dev.volsim.core.trace.TraceEntry;
import dev.volsim.model.KindInfo;
import dev.volsim.model.Kinds;
import dev.volsim.model.KubeObject;
import dev.volsim.model.io.Codec;
import dev.volsim.model.io.LoadResult;
import dev.volsim.model.io.Location;
import dev.volsim.model.io.ManifestLoader;
import dev.volsim.model.io.Problem;
import dev.volsim.model.io.Trees;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The API as one component sees it: every write carries the component's name, which the trace
 * records and injected failures can target. Reads are the server's current state.
 */
public final class ApiClient {
  private final ApiServer server;
  private final String component;

  ApiClient(ApiServer server, String component) {
    this.server = requireNonNull(server, "server is null");
    this.component = requireNonNull(component, "component is null");
  }

  /** The component this client acts as. */
  public String component() {
    return component;
  }

  public ApiServer server() {
    return server;
  }

  /**
   * Creates an object: namespace defaulted, admission run, validated, uid and timestamps set.
   *
   * @throws ApiException when refused (Invalid, AlreadyExists, NotFound namespace, Forbidden)
   */
  public <T extends KubeObject> T create(T object) {
    @SuppressWarnings("unchecked")
    T created = (T) write("create", provisionalKey(object), () -> server.create(component, object));
    return created;
  }

  /**
   * Replaces an object's spec and metadata (status kept, as for kinds with a status
   * subresource). A non-empty resourceVersion must be the current one.
   *
   * @throws ApiException NotFound, Conflict, Invalid
   */
  public <T extends KubeObject> T update(T object) {
    @SuppressWarnings("unchecked")
    T updated = (T) write("update", provisionalKey(object), () -> server.update(component, object, false));
    return updated;
  }

  /** Replaces an object's status only (the status subresource). */
  public <T extends KubeObject> T updateStatus(T object) {
    @SuppressWarnings("unchecked")
    T updated = (T) write("updateStatus", provisionalKey(object), () -> server.update(component, object, true));
    return updated;
  }

  /** Deletes with default options. */
  public KubeObject delete(ObjectKey key) {
    return delete(key, DeleteOptions.defaults());
  }

  /** Deletes with options (grace period, propagation, uid precondition). */
  public KubeObject delete(ObjectKey key, DeleteOptions options) {
    return write("delete", key, () -> server.delete(component, key, options));
  }

  /**
   * Patches an object as {@code kubectl patch} does: the object is written out, the patch
   * applied to that tree, and the result read back and written like an update.
   *
   * @param type merge (RFC 7386) or json (RFC 6902)
   * @param patch the patch document: a map for merge, a list of operations for json
   * @param status whether to patch the status subresource
   * @throws ApiException NotFound, Invalid, or BadRequest for a patch that does not apply
   */
  public KubeObject patch(ObjectKey key, PatchType type, Object patch, boolean status) {
    KindInfo<?> info = Kinds.all().stream().filter(k -> k.kind().equals(key.kind())).findFirst()
        .orElseThrow(() -> ApiException.notFound(key.kind(), key.name()));
    KubeObject current = server.get(key).orElseThrow(() -> ApiException.notFound(info.plural(), key.name()));
    Map<String, Object> tree = Codec.encodeObject(current);
    Object patched = switch (type) {
      case MERGE -> Patches.mergePatch(tree, patch);
      case JSON -> Patches.jsonPatch(tree, patch);
    };
    if (!(patched instanceof Map<?, ?>)) {
      throw ApiException.badRequest("the patch did not leave an object");
    }
    LoadResult read = ManifestLoader.strict().withoutValidation()
        .decode(Trees.fromPlain(patched, Location.startOf("patch")));
    List<Problem> errors = read.errors();
    if (!errors.isEmpty() || read.objects().size() != 1) {
      String msg = errors.stream().map(Problem::message).collect(Collectors.joining(", "));
      throw ApiException.badRequest(info.kind() + " \"" + key.name() + "\" cannot be patched: " + msg);
    }
    KubeObject next = read.objects().get(0);
    if (!next.kind().equals(current.kind())) {
      throw ApiException.badRequest("a patch may not change the kind");
    }
    if (!(key.name().equals(next.metadata().name()))) {
      throw ApiException.badRequest("a patch may not change the name");
    }
    // The patch applies to the state it read: keep its resourceVersion so a race shows as Conflict.
    return write(status ? "updateStatus" : "update", key, () -> server.update(component, next, status));
  }

  /**
   * Cuts this client off the API server (a network partition between a node and the control
   * plane) or reconnects it: while cut off, every write fails with a timeout and is traced so.
   */
  public void setReachable(boolean reachable) {
    this.reachable = reachable;
  }

  /** Whether this client reaches the API server (see {@link #setReachable}). */
  public boolean reachable() {
    return reachable;
  }

  private boolean reachable = true;

  private <R> R write(String verb, ObjectKey key, java.util.function.Supplier<R> op) {
    if (!reachable) {
      String msg = "dial tcp: i/o timeout (" + component + " cannot reach the API server)";
      server.trace(component, "ApiRequest", key, verb + " " + key.ref() + " failed: " + msg, null,
          "verb", verb, "outcome", "timeout");
      throw ApiException.timeout(msg);
    }
    String uncertain;
    try {
      uncertain = server.faults().check(component, verb, key);
    } catch (ApiException e) {
      server.trace(component, "ApiRequest", key, verb + " " + key.ref() + " failed: " + e.getMessage(), null,
          "verb", verb, "outcome", e.reason() == ApiException.Reason.TIMEOUT ? "timeout" : "failed");
      throw e;
    }
    R result = op.get();
    if (uncertain != null) {
      server.trace(component, "ApiRequest", key, verb + " " + key.ref() + " timed out after it was applied: "
          + uncertain, null, "verb", verb, "outcome", "uncertain");
      throw ApiException.timeout(uncertain);
    }
    return result;
  }

  private static ObjectKey provisionalKey(KubeObject o) {
    KindInfo<?> info = Kinds.of(o);
    String ns = !info.namespaced() ? "" : o.metadata().namespace() == null || o.metadata().namespace().isEmpty()
        ? "default" : o.metadata().namespace();
    String name = o.metadata().name() != null ? o.metadata().name()
        : o.metadata().generateName() != null ? o.metadata().generateName() : "";
    return new ObjectKey(info.kind(), ns, name);
  }

  public Optional<KubeObject> get(ObjectKey key) {
    return server.get(key);
  }

  public <T extends KubeObject> Optional<T> get(Class<T> type, String namespace, String name) {
    return server.get(type, namespace, name);
  }

  /** Records a trace entry as this component (operations of controllers). */
  public void trace(String type, String object, String message, String... attributes) {
    server.engine().trace().record(component, type, object, message, TraceEntry.attrs(attributes));
  }

  /** The patch formats {@code kubectl patch --type} accepts that volsim supports. */
  public enum PatchType { MERGE, JSON }
}
