package dev.volsim.model;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.validation.FieldError;
import java.util.List;
import java.util.Locale;

/**
 * What the API knows about one kind: its apiVersion, its names as kubectl accepts them, whether it
 * is namespaced, its record type and its validation.
 *
 * @param apiVersion for example {@code v1} or {@code apps/v1}
 * @param kind for example {@code PersistentVolumeClaim}
 * @param type the record class
 * @param plural the resource name ({@code persistentvolumeclaims})
 * @param shortNames kubectl's short names ({@code pvc})
 * @param namespaced whether objects live in a namespace
 * @param validator the API server's validation of the kind
 */
public record KindInfo<T extends KubeObject>(
    String apiVersion, String kind, Class<T> type, String plural, ImmutableList<String> shortNames,
    boolean namespaced, Validator<T> validator) {

  public KindInfo {
    requireNonNull(apiVersion, "apiVersion is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(type, "type is null");
    requireNonNull(plural, "plural is null");
    shortNames = Immutables.list(shortNames);
    requireNonNull(validator, "validator is null");
  }

  /** The singular resource name, the kind in lower case ({@code persistentvolumeclaim}). */
  public String singular() {
    return kind.toLowerCase(Locale.ROOT);
  }

  /** Whether kubectl would resolve {@code name} (any case) to this kind. */
  public boolean answersTo(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals(singular()) || n.equals(plural) || shortNames.contains(n);
  }

  /** Validates an object of this kind. */
  public List<FieldError> validate(KubeObject object) {
    return validator.validate(type.cast(object));
  }
}
