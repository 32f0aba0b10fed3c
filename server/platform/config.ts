/** Settings read from the function's environment variables (cloudbaserc.json, or the local host). */

/** Openids of super administrators, bootstrapped from configuration (`SUPER_ADMIN_OPENIDS`, comma-separated). */
export function superAdminOpenids(): ReadonlySet<string> {
  return new Set(
    (process.env.SUPER_ADMIN_OPENIDS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}
