/**
 * CFS2xx: the 4 KB limit of a Lambda environment. Each function gets at most one of these, the most
 * severe that applies, from the {@link EnvironmentSizeVerdicts} made once per document; each rule
 * is an {@link EnvironmentSizeRule} reporting one verdict. {@link Cfs2xxRules#rules()} lists them.
 *
 * <ul>
 *   <li>CFS201 env-over-4kb: {@link EnvOverLimit}
 *   <li>CFS202 env-near-4kb: {@link EnvNearLimit}
 *   <li>CFS203 env-size-unbounded: {@link EnvSizeUnbounded}
 * </ul>
 */
package dev.cfnsecrets.rules.cfs2xx;
