package dev.volsim.model.volume;

/**
 * One source of a projected volume; exactly one field is set.
 *
 * @param secret keys of a Secret
 * @param downwardAPI Pod fields and container resources
 * @param configMap keys of a ConfigMap
 * @param serviceAccountToken a token of the Pod's service account
 * @param clusterTrustBundle certificates of ClusterTrustBundles
 */
public record VolumeProjection(
    SecretProjection secret,
    DownwardAPIProjection downwardAPI,
    ConfigMapProjection configMap,
    ServiceAccountTokenProjection serviceAccountToken,
    ClusterTrustBundleProjection clusterTrustBundle) {}
