package dev.volsim.model;

import dev.volsim.model.validation.FieldError;
import java.util.List;

/**
 * The API server's validation of one kind: every problem, with Kubernetes' field paths and words.
 * An empty list means the object would be accepted.
 */
@FunctionalInterface
public interface Validator<T extends KubeObject> {
  List<FieldError> validate(T object);
}
