package dev.cfnsecrets.rules.cfs3xx;

import dev.cfnsecrets.eval.Part;
import dev.cfnsecrets.iam.Actions;
import dev.cfnsecrets.iam.Glob;
import dev.cfnsecrets.iam.IamPrincipal;
import dev.cfnsecrets.iam.Policy;
import dev.cfnsecrets.iam.PolicyInventory;
import dev.cfnsecrets.iam.PolicyString;
import dev.cfnsecrets.iam.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which readers can possibly read a function of the template, found once per document, so that
 * CFS305 checks the statements of those readers only instead of every (reader, function) pair: with
 * one role reading its own function per function, the pairs grow with the square of the template.
 *
 * <p>The filter only drops pairs that CFS305's full check would reject. A resource pattern whose
 * text holds a deploy-time piece ({@code !GetAtt Fn.Arn}, an ARN built from {@code !Ref Fn}) covers
 * a function of the template only when it names that function's logical id (its own ARN, or the
 * pieces refer to it); a reader whose every resource is such a pattern can only read the functions
 * named. Any other pattern (a literal ARN, a name glob, {@code *}), a {@code NotResource}, or a
 * statement granting {@code lambda:ListFunctions} may reach any function: such a reader is kept for
 * every function.
 */
final class ReadersByFunction {
    private final List<IamPrincipal> readers;

    /** Indices into {@link #readers} of those that may read any function, ascending. */
    private final List<Integer> everywhere = new ArrayList<>();

    /** Indices of the readers whose patterns name the logical id, ascending. */
    private final Map<String, List<Integer>> byLogicalId = new HashMap<>();

    ReadersByFunction(List<IamPrincipal> readers, PolicyInventory inventory) {
        this.readers = readers;
        for (int i = 0; i < readers.size(); i++) {
            Set<String> named = new LinkedHashSet<>();
            if (mayReadAny(inventory.policiesOf(readers.get(i)), named)) {
                everywhere.add(i);
            } else {
                for (String logicalId : named) {
                    byLogicalId.computeIfAbsent(logicalId, k -> new ArrayList<>()).add(i);
                }
            }
        }
    }

    /** The readers that may read the function {@code logicalId}, in the order of the readers. */
    List<IamPrincipal> of(String logicalId) {
        List<Integer> some = byLogicalId.getOrDefault(logicalId, List.of());
        List<IamPrincipal> merged = new ArrayList<>(everywhere.size() + some.size());
        int a = 0;
        int b = 0;
        while (a < everywhere.size() || b < some.size()) {
            boolean fromEverywhere =
                    b >= some.size() || (a < everywhere.size() && everywhere.get(a) < some.get(b));
            merged.add(readers.get(fromEverywhere ? everywhere.get(a++) : some.get(b++)));
        }
        return merged;
    }

    /**
     * Whether the policies may reach any function; otherwise {@code named} receives the logical ids
     * their resource patterns name.
     */
    private static boolean mayReadAny(List<Policy> policies, Set<String> named) {
        for (Policy policy : policies) {
            for (Statement s : policy.statements()) {
                if (s.notResource() || Actions.covering(s, Actions.LIST_FUNCTIONS).isPresent()) {
                    return true;
                }
                for (PolicyString pattern : s.resources()) {
                    if (pattern.glob().indexOf(Glob.OPAQUE) < 0 || pattern.unknowns().isEmpty()) {
                        return true;
                    }
                    for (Part.Unknown u : pattern.unknowns()) {
                        addNames(u, named);
                    }
                }
            }
        }
        return false;
    }

    /**
     * The logical ids a deploy-time piece may name: a resource's, or for an attribute {@code A.B.C}
     * each of {@code A} and {@code A.B} (a logical id with a dot is not valid, but is read).
     */
    private static void addNames(Part.Unknown u, Set<String> named) {
        if (u.kind() == Part.Unknown.Kind.RESOURCE) {
            named.add(u.name());
        } else if (u.kind() == Part.Unknown.Kind.ATTRIBUTE) {
            for (int dot = u.name().indexOf('.'); dot >= 0; dot = u.name().indexOf('.', dot + 1)) {
                named.add(u.name().substring(0, dot));
            }
        }
    }
}
