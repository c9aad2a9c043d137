package dev.volsim.model.core;

import com.google.common.collect.ImmutableList;
import dev.volsim.model.Immutables;

/**
 * A container of a Pod: a regular one, or an init container (which may be a sidecar).
 *
 * <p>The compact constructor applies {@code SetDefaults_Container}: {@code imagePullPolicy} is
 * {@code Always} for an image tagged {@code :latest} or without a tag (and without a digest),
 * {@code IfNotPresent} otherwise; {@code terminationMessagePath} is {@code /dev/termination-log};
 * {@code terminationMessagePolicy} is {@code File}.
 *
 * @param name the container's name, a DNS label unique in the Pod
 * @param image the image reference
 * @param command the entrypoint, replacing the image's
 * @param args the arguments, replacing the image's
 * @param workingDir the working directory
 * @param ports the ports the container exposes
 * @param envFrom sets of environment variables from ConfigMaps and Secrets
 * @param env environment variables, in order
 * @param resources compute resource limits and requests
 * @param restartPolicy for an init container, {@code Always} makes it a sidecar; null otherwise
 * @param volumeMounts Pod volumes mounted into the container's file system
 * @param volumeDevices raw block volumes exposed as devices
 * @param livenessProbe restarts the container when it fails (kept, not run)
 * @param readinessProbe marks the container ready (kept, not run)
 * @param startupProbe holds the other probes back until it succeeds (kept, not run)
 * @param lifecycle postStart and preStop hooks (kept, not run)
 * @param terminationMessagePath where the container writes its termination message
 * @param terminationMessagePolicy where the termination message is read from
 * @param imagePullPolicy when the image is pulled
 * @param securityContext security settings overriding the Pod's
 * @param stdin whether the container has a stdin buffer
 * @param stdinOnce whether stdin closes after the first attach detaches
 * @param tty whether the container has a TTY
 */
public record Container(
    String name,
    String image,
    ImmutableList<String> command,
    ImmutableList<String> args,
    String workingDir,
    ImmutableList<ContainerPort> ports,
    ImmutableList<EnvFromSource> envFrom,
    ImmutableList<EnvVar> env,
    ResourceRequirements resources,
    ContainerRestartPolicy restartPolicy,
    ImmutableList<VolumeMount> volumeMounts,
    ImmutableList<VolumeDevice> volumeDevices,
    Probe livenessProbe,
    Probe readinessProbe,
    Probe startupProbe,
    Lifecycle lifecycle,
    String terminationMessagePath,
    TerminationMessagePolicy terminationMessagePolicy,
    PullPolicy imagePullPolicy,
    SecurityContext securityContext,
    boolean stdin,
    boolean stdinOnce,
    boolean tty) {

  public Container {
    command = Immutables.list(command);
    args = Immutables.list(args);
    ports = Immutables.list(ports);
    envFrom = Immutables.list(envFrom);
    env = Immutables.list(env);
    resources = resources == null ? new ResourceRequirements(null, null) : resources;
    volumeMounts = Immutables.list(volumeMounts);
    volumeDevices = Immutables.list(volumeDevices);
    terminationMessagePath = terminationMessagePath == null || terminationMessagePath.isEmpty()
        ? "/dev/termination-log" : terminationMessagePath;
    terminationMessagePolicy = terminationMessagePolicy == null
        ? TerminationMessagePolicy.FILE : terminationMessagePolicy;
    imagePullPolicy = imagePullPolicy == null ? defaultPullPolicy(image) : imagePullPolicy;
  }

  /** A container with just a name and an image, every other field defaulted. */
  public static Container of(String name, String image) {
    return new Container(name, image, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, false, false, false);
  }

  /** A copy with these volume mounts. */
  public Container withVolumeMounts(java.util.List<VolumeMount> mounts) {
    return new Container(name, image, command, args, workingDir, ports, envFrom, env, resources,
        restartPolicy, Immutables.list(mounts), volumeDevices, livenessProbe, readinessProbe,
        startupProbe, lifecycle, terminationMessagePath,
        terminationMessagePolicy, imagePullPolicy, securityContext, stdin, stdinOnce, tty);
  }

  /** Whether the security context asks for a privileged container. */
  public boolean isPrivileged() {
    return securityContext != null && securityContext.isPrivileged();
  }

  /** Whether this (init) container is a sidecar: {@code restartPolicy: Always}. */
  public boolean isSidecar() {
    return restartPolicy == ContainerRestartPolicy.ALWAYS;
  }

  /**
   * The pull policy the API server gives an image without one ({@code SetDefaults_Container}):
   * {@code Always} when the image's tag is {@code latest}, or when it has neither tag nor digest
   * (the tag is then taken to be {@code latest}); {@code IfNotPresent} otherwise, also for an image
   * that does not parse, such as an empty one.
   */
  public static PullPolicy defaultPullPolicy(String image) {
    if (image == null || image.isEmpty()) {
      return PullPolicy.IF_NOT_PRESENT;
    }
    String ref = image;
    boolean digested = false;
    int at = ref.indexOf('@');
    if (at >= 0) {
      digested = true;
      ref = ref.substring(0, at);
    }
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    String tag = colon > slash ? ref.substring(colon + 1) : "";
    if (tag.isEmpty() && !digested) {
      tag = "latest";
    }
    return tag.equals("latest") ? PullPolicy.ALWAYS : PullPolicy.IF_NOT_PRESENT;
  }
}
