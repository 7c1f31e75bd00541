import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

/**
 * The Kubernetes manifests (deploy/kubernetes), checked without a cluster: every object against the Kubernetes
 * API's schemas (kubernetes-models), and the topology's promises — the API scales on a readiness probe behind
 * an autoscaler, nothing it runs is root or unpinned, the worker never sees the JWT secret, and every secret,
 * config map and volume claim named is one the README tells you to make or the manifests define.
 */
const FOLDER = path.resolve(__dirname, '../../../../deploy/kubernetes');
const MODELS = path.dirname(require.resolve('kubernetes-models/package.json', { paths: [__dirname] }));

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}
interface Container {
  name: string;
  image: string;
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string } } }>;
  envFrom?: Array<{ secretRef?: { name: string }; configMapRef?: { name: string } }>;
  readinessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string> };
}
interface PodSpec {
  containers: Container[];
  securityContext?: { runAsNonRoot?: boolean };
  volumes?: Array<{ persistentVolumeClaim?: { claimName: string } }>;
}

const kustomization = parse(readFileSync(path.join(FOLDER, 'kustomization.yaml'), 'utf8')) as {
  resources: string[];
};
const objects: K8sObject[] = kustomization.resources.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(FOLDER, file), 'utf8')).map(
    (document) => document.toJS() as K8sObject,
  ),
);
const named = (kind: string, name: string) =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);
const podOf = (object: K8sObject): PodSpec | null => {
  const spec = object.spec as {
    template?: { spec: PodSpec };
    jobTemplate?: { spec: { template: { spec: PodSpec } } };
  };
  return spec?.template?.spec ?? spec?.jobTemplate?.spec.template.spec ?? null;
};
const workloads = objects.filter((object) => podOf(object));
/** Secrets an operator makes by hand (deploy/kubernetes/README.md). */
const SECRETS = [
  'laman-database',
  'laman-api',
  'laman-media',
  'laman-sites-writer',
  'laman-sites-reader',
  'laman-backup',
  'laman-metrics',
  'laman-tls',
];

describe('Kubernetes manifests', () => {
  it('lists every manifest file in the kustomization', () => {
    const files = readdirSync(FOLDER).filter(
      (file) => file.endsWith('.yaml') && file !== 'kustomization.yaml',
    );
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it('are valid objects of the Kubernetes API', async () => {
    expect(objects.length).toBeGreaterThanOrEqual(12);
    for (const object of objects) {
      const group = object.apiVersion.includes('/') ? object.apiVersion : `v1`;
      // The package is ESM with `import`-only exports: loaded by its file, as an ES module.
      const models = (await import(path.join(MODELS, group, 'index.js'))) as Record<
        string,
        new (data: unknown) => { validate(): void }
      >;
      const Model = models[object.kind];
      expect({ object: `${object.kind}/${object.metadata.name}`, known: Boolean(Model) }).toEqual({
        object: `${object.kind}/${object.metadata.name}`,
        known: true,
      });
      expect(() => new Model!(object).validate()).not.toThrow();
    }
  });

  it('scales the API on its readiness behind an autoscaler, and keeps one up through disruptions', () => {
    const api = podOf(named('Deployment', 'laman-api')!)!;
    expect(api.containers[0]!.readinessProbe?.httpGet?.path).toBe('/api/v1/health');
    const autoscaler = named('HorizontalPodAutoscaler', 'laman-api')!.spec as {
      scaleTargetRef: { kind: string; name: string };
      minReplicas: number;
    };
    expect(autoscaler.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'laman-api' });
    expect(autoscaler.minReplicas).toBeGreaterThanOrEqual(2);
    expect(named('PodDisruptionBudget', 'laman-api')).toBeDefined();
    // Every Service selects pods some workload runs.
    for (const service of objects.filter((object) => object.kind === 'Service')) {
      const selector = (service.spec as { selector: Record<string, string> }).selector;
      const matched = workloads.filter((workload) =>
        Object.entries(selector).every(
          ([key, value]) =>
            (workload.spec as { template: { metadata: { labels: Record<string, string> } } }).template
              ?.metadata.labels[key] === value,
        ),
      );
      expect({ service: service.metadata.name, pods: matched.length > 0 }).toEqual({
        service: service.metadata.name,
        pods: true,
      });
    }
  });

  it('runs the periodic work in a scheduler no Service sends requests to, never in the API replicas', () => {
    const interval = (name: string) =>
      Number(
        podOf(named('Deployment', name)!)!.containers[0]!.env?.find(
          (variable) => variable.name === 'SCHEDULER_INTERVAL_SECONDS',
        )?.value,
      );
    expect(interval('laman-api')).toBe(0);
    expect(interval('laman-scheduler')).toBeGreaterThan(0);
    const scheduler = podOf(named('Deployment', 'laman-scheduler')!)!;
    expect(scheduler.containers[0]!.image).toBe(
      podOf(named('Deployment', 'laman-api')!)!.containers[0]!.image,
    );
    const labels = (
      named('Deployment', 'laman-scheduler')!.spec as {
        template: { metadata: { labels: Record<string, string> } };
      }
    ).template.metadata.labels;
    for (const service of objects.filter((object) => object.kind === 'Service')) {
      const selector = (service.spec as { selector: Record<string, string> }).selector;
      const selects = Object.entries(selector).every(([key, value]) => labels[key] === value);
      expect({ service: service.metadata.name, selectsScheduler: selects }).toEqual({
        service: service.metadata.name,
        selectsScheduler: false,
      });
    }
  });

  it('pins every image, requests resources, and runs the Node services as non-root', () => {
    for (const workload of workloads) {
      const pod = podOf(workload)!;
      for (const container of pod.containers) {
        const tag = container.image.split(':')[1] ?? '';
        expect({ container: container.name, pinned: /\d/.test(tag) && tag !== 'latest' }).toEqual({
          container: container.name,
          pinned: true,
        });
        expect(container.resources?.requests).toBeDefined();
      }
      if (['laman-api', 'laman-scheduler', 'laman-worker', 'laman-admin'].includes(workload.metadata.name))
        expect({ workload: workload.metadata.name, nonRoot: pod.securityContext?.runAsNonRoot }).toEqual({
          workload: workload.metadata.name,
          nonRoot: true,
        });
    }
  });

  it('gives the worker no JWT secret, and names only secrets, config maps and claims that exist', () => {
    const secretsOf = (pod: PodSpec) =>
      pod.containers.flatMap((container) => [
        ...(container.envFrom ?? []).flatMap((source) => (source.secretRef ? [source.secretRef.name] : [])),
        ...(container.env ?? []).flatMap((variable) =>
          variable.valueFrom?.secretKeyRef ? [variable.valueFrom.secretKeyRef.name] : [],
        ),
      ]);
    expect(secretsOf(podOf(named('Deployment', 'laman-worker')!)!)).toEqual([
      'laman-metrics',
      'laman-database',
      'laman-sites-writer',
      'laman-sites-writer',
    ]);
    // The edges read the sites bucket and nothing else.
    expect(secretsOf(podOf(named('Deployment', 'laman-sites')!)!)).toEqual(['laman-sites-reader']);
    expect(secretsOf(podOf(named('Deployment', 'laman-api')!)!)).toContain('laman-api');
    for (const workload of workloads) {
      const pod = podOf(workload)!;
      for (const secret of secretsOf(pod)) expect(SECRETS).toContain(secret);
      for (const container of pod.containers)
        for (const source of container.envFrom ?? [])
          if (source.configMapRef) expect(named('ConfigMap', source.configMapRef.name)).toBeDefined();
      for (const volume of pod.volumes ?? [])
        if (volume.persistentVolumeClaim)
          expect(named('PersistentVolumeClaim', volume.persistentVolumeClaim.claimName)).toBeDefined();
    }
    expect(named('ConfigMap', 'laman-config')!.data).not.toHaveProperty('JWT_SECRET');
    expect(named('ConfigMap', 'laman-config')!.data).not.toHaveProperty('PERSONAL_DATA_KEY');
  });

  it('shares no volume between pods: built sites travel through the sites bucket, each edge mirrors its own', () => {
    expect(
      objects.filter((object) => object.kind === 'PersistentVolumeClaim').map((claim) => claim.metadata.name),
    ).toEqual(['laman-backups']);
    expect(named('ConfigMap', 'laman-config')!.data).toMatchObject({ SITES_STORAGE: 's3' });
    const edge = podOf(named('Deployment', 'laman-sites')!)! as PodSpec & {
      initContainers?: Array<{ command?: string[] }>;
    };
    expect(edge.initContainers?.[0]?.command).toEqual(
      expect.arrayContaining(['apps/site/scripts/edge-sync.mjs', '--once']),
    );
    expect(edge.containers.map((container) => container.name).sort()).toEqual(['nginx', 'sync']);
  });
});
