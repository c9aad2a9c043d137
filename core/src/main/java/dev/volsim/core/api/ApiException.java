package dev.volsim.core.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.validation.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request the API server refused, with the HTTP status code, the reason and the message the
 * real API server gives ({@code persistentvolumeclaims "data" not found}).
 */
public final class ApiException extends RuntimeException {
  /** The {@code metav1.StatusReason} values volsim uses. */
  public enum Reason {
    NOT_FOUND(404), ALREADY_EXISTS(409), CONFLICT(409), INVALID(422), FORBIDDEN(403),
    BAD_REQUEST(400), INTERNAL_ERROR(500), TIMEOUT(504);

    private final int code;

    Reason(int code) {
      this.code = code;
    }

    public int code() {
      return code;
    }
  }

  private final Reason reason;
  private final ImmutableList<FieldError> causes;

  public ApiException(Reason reason, String message) {
    this(reason, message, ImmutableList.of());
  }

  private ApiException(Reason reason, String message, List<FieldError> causes) {
    super(message);
    this.reason = requireNonNull(reason, "reason is null");
    this.causes = ImmutableList.copyOf(causes);
  }

  public Reason reason() {
    return reason;
  }

  public int code() {
    return reason.code();
  }

  /** The field errors of an Invalid (422) answer. */
  public ImmutableList<FieldError> causes() {
    return causes;
  }

  /** {@code persistentvolumeclaims "data" not found}. */
  public static ApiException notFound(String plural, String name) {
    return new ApiException(Reason.NOT_FOUND, plural + " \"" + name + "\" not found");
  }

  /** {@code persistentvolumeclaims "data" already exists}. */
  public static ApiException alreadyExists(String plural, String name) {
    return new ApiException(Reason.ALREADY_EXISTS, plural + " \"" + name + "\" already exists");
  }

  /** The optimistic-concurrency failure of an update with a stale resourceVersion. */
  public static ApiException conflict(String plural, String name) {
    return new ApiException(Reason.CONFLICT, "Operation cannot be fulfilled on " + plural + " \"" + name
        + "\": the object has been modified; please apply your changes to the latest version and try again");
  }

  /**
   * {@code PersistentVolumeClaim "data" is invalid: spec.accessModes: Required value: ...}, or
   * with several errors {@code ... is invalid: [a: ..., b: ...]}.
   */
  public static ApiException invalid(String kind, String name, List<FieldError> errors) {
    String list = errors.size() == 1 ? errors.get(0).toString()
        : errors.stream().map(FieldError::toString).collect(Collectors.joining(", ", "[", "]"));
    return new ApiException(Reason.INVALID, kind + " \"" + name + "\" is invalid: " + list, errors);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(Reason.FORBIDDEN, message);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(Reason.BAD_REQUEST, message);
  }

  public static ApiException internal(String message) {
    return new ApiException(Reason.INTERNAL_ERROR, message);
  }

  /** The error a client sees on a request that timed out. */
  public static ApiException timeout(String message) {
    return new ApiException(Reason.TIMEOUT, message);
  }
}
