/** A fake whose every member must be configured: touching anything else fails the test at once. */
export function strictFake<T extends object>(implementation: Partial<T>, name = 'fake'): T {
  return new Proxy(implementation as T, {
    get(target, property, receiver) {
      if (property in target || typeof property === 'symbol' || property === 'then') {
        return Reflect.get(target, property, receiver);
      }
      throw new Error(`${name}.${String(property)} was called but not configured in this test`);
    },
  });
}
