package dev.volsim.core.volume;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import dev.volsim.model.Bytes;

/**
 * One file of an {@link AtomicWriter} payload (upstream's {@code volumeutil.FileProjection}).
 *
 * @param data its content
 * @param mode its permission bits (0..0777)
 */
public record FileProjection(Bytes data, int mode) {
  public FileProjection {
    requireNonNull(data, "data is null");
    checkArgument(mode >= 0 && mode <= 0777, "mode is %s", mode);
  }
}
