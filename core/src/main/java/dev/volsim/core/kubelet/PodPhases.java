package dev.volsim.core.kubelet;

import dev.volsim.model.core.Container;
import dev.volsim.model.core.ContainerStatus;
import dev.volsim.model.core.PodPhase;
import dev.volsim.model.core.PodSpec;
import dev.volsim.model.core.RestartPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The Pod phase from its containers' statuses, as the kubelet's {@code getPhase}
 * (pkg/kubelet/kubelet_pods.go) computes it for a Pod that is not yet terminal.
 */
final class PodPhases {
  private PodPhases() {}

  static PodPhase phase(PodSpec spec, List<ContainerStatus> init, List<ContainerStatus> main) {
    int pendingInitialization = 0;
    int failedInitialization = 0;
    for (Container c : spec.initContainers()) {
      Optional<ContainerStatus> s = find(init, c.name());
      if (s.isEmpty()) {
        pendingInitialization++;
        continue;
      }
      var st = s.get().state();
      if (st.running() != null) {
        pendingInitialization++;
      } else if (st.terminated() != null) {
        if (st.terminated().exitCode() != 0) {
          failedInitialization++;
        }
      } else if (st.waiting() != null) {
        var last = s.get().lastState();
        if (last != null && last.terminated() != null) {
          if (last.terminated().exitCode() != 0) {
            failedInitialization++;
          }
        } else {
          pendingInitialization++;
        }
      } else {
        pendingInitialization++;
      }
    }
    int unknown = 0;
    int running = 0;
    int waiting = 0;
    int stopped = 0;
    int succeeded = 0;
    for (Container c : spec.containers()) {
      Optional<ContainerStatus> s = find(main, c.name());
      if (s.isEmpty()) {
        unknown++;
        continue;
      }
      var st = s.get().state();
      if (st.running() != null) {
        running++;
      } else if (st.terminated() != null) {
        stopped++;
        if (st.terminated().exitCode() == 0) {
          succeeded++;
        }
      } else if (st.waiting() != null) {
        var last = s.get().lastState();
        if (last != null && last.terminated() != null) {
          stopped++;
        } else {
          waiting++;
        }
      } else {
        unknown++;
      }
    }
    if (failedInitialization > 0 && spec.restartPolicy() == RestartPolicy.NEVER) {
      return PodPhase.FAILED;
    }
    if ((pendingInitialization > 0 && !anyRegularStarted(main)) || waiting > 0) {
      return PodPhase.PENDING;
    }
    if (running > 0 && unknown == 0) {
      return PodPhase.RUNNING;
    }
    if (running == 0 && stopped > 0 && unknown == 0) {
      if (spec.restartPolicy() == RestartPolicy.ALWAYS) {
        return PodPhase.RUNNING; // all containers are in the process of restarting
      }
      if (stopped == succeeded) {
        return PodPhase.SUCCEEDED;
      }
      if (spec.restartPolicy() == RestartPolicy.NEVER) {
        return PodPhase.FAILED;
      }
      return PodPhase.RUNNING; // OnFailure, restarting the failed ones
    }
    return PodPhase.PENDING;
  }

  /** {@code HasAnyRegularContainerStarted}: a main container runs or has run. */
  private static boolean anyRegularStarted(List<ContainerStatus> main) {
    for (ContainerStatus s : main) {
      if (s.state().running() != null || s.state().terminated() != null
          || (s.lastState() != null && s.lastState().terminated() != null)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<ContainerStatus> find(List<ContainerStatus> list, String name) {
    return list.stream().filter(s -> s.name().equals(name)).findFirst();
  }
}
