package dev.volsim.core.world;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared checks for the world's tests. */
final class FsAssertions {
  private FsAssertions() {}

  /** {@code call} fails with {@code errno} and exactly {@code message}. */
  static void assertFails(ThrowingCallable call, Errno errno, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(FsException.class)
        .hasMessage(message)
        .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((FsException) e).errno()).isEqualTo(errno));
  }
}
