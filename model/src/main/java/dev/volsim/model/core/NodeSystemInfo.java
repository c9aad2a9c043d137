package dev.volsim.model.core;

/**
 * What a node's kubelet reports about the machine and its software.
 *
 * @param machineID the machine id
 * @param systemUUID the system UUID
 * @param bootID the boot id, new at each boot
 * @param kernelVersion the kernel version ({@code uname -r})
 * @param osImage the OS image, as {@code Ubuntu 22.04.3 LTS}
 * @param containerRuntimeVersion the runtime and its version, as {@code containerd://1.7.2}
 * @param kubeletVersion the kubelet version, as {@code v1.31.0}
 * @param kubeProxyVersion deprecated; the kube-proxy version
 * @param operatingSystem {@code linux} or {@code windows}
 * @param architecture as {@code amd64}
 */
public record NodeSystemInfo(
    String machineID,
    String systemUUID,
    String bootID,
    String kernelVersion,
    String osImage,
    String containerRuntimeVersion,
    String kubeletVersion,
    String kubeProxyVersion,
    String operatingSystem,
    String architecture) {}
