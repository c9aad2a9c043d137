package dev.volsim.scheduler;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A plugin's result, as upstream's {@code framework.Status}: a code, the reasons (each counted
 * separately in a FailedScheduling message) and the plugin that returned it.
 */
record Status(Code code, ImmutableList<String> reasons, String plugin) {
  static final Status SUCCESS = new Status(Code.SUCCESS, ImmutableList.of(), null);
  static final Status SKIP = new Status(Code.SKIP, ImmutableList.of(), null);

  static Status of(Code code, String... reasons) {
    return new Status(code, ImmutableList.copyOf(reasons), null);
  }

  static Status of(Code code, List<String> reasons) {
    return new Status(code, ImmutableList.copyOf(reasons), null);
  }

  static Status error(String message) {
    return of(Code.ERROR, message);
  }

  Status withPlugin(String name) {
    return new Status(code, reasons, name);
  }

  boolean isSuccess() {
    return code == Code.SUCCESS;
  }

  boolean isRejected() {
    return code.isRejected();
  }

  /** The reasons joined by ", " ({@code Status.Message()}). */
  String message() {
    return String.join(", ", reasons);
  }
}
