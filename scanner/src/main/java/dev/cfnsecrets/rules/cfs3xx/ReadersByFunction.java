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
import java.util.IdentityHashMap;
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
 * every function. The same holds of each statement: a reader's statements that name other functions
 * only are not tried for this one.
 */
final class ReadersByFunction {
    private final ByFunction<IamPrincipal> readers;

    /**
     * Each reader's statements, indexed the same way: one role with a statement per function would
     * otherwise be searched up to the statement that names the function, for every function.
     */
    private final Map<IamPrincipal, ByFunction<Grant>> grants = new IdentityHashMap<>();

    /** A statement of a principal's policy, in the order CFS305 tries them. */
    record Grant(Policy policy, Statement statement) {}

    ReadersByFunction(List<IamPrincipal> readers, PolicyInventory inventory) {
        this.readers = new ByFunction<>(readers);
        for (int i = 0; i < readers.size(); i++) {
            List<Grant> own = grants(inventory, readers.get(i));
            ByFunction<Grant> byStatement = new ByFunction<>(own);
            for (int g = 0; g < own.size(); g++) {
                Set<String> named = new LinkedHashSet<>();
                byStatement.add(g, mayReadAny(own.get(g).statement(), named), named);
            }
            this.readers.add(
                    i, !byStatement.everywhere.isEmpty(), byStatement.byLogicalId.keySet());
            grants.put(readers.get(i), byStatement);
        }
    }

    /** The readers that may read the function {@code logicalId}, in the order of the readers. */
    List<IamPrincipal> of(String logicalId) {
        return readers.of(logicalId);
    }

    /**
     * The statements of {@code reader} (one of {@link #of}) that may grant a read of the function
     * {@code logicalId}, in the order of its policies and their statements.
     */
    List<Grant> grantsOf(IamPrincipal reader, String logicalId) {
        return grants.get(reader).of(logicalId);
    }

    /** Every statement of the principal's policies, in order. */
    static List<Grant> grants(PolicyInventory inventory, IamPrincipal principal) {
        List<Grant> all = new ArrayList<>();
        for (Policy policy : inventory.policiesOf(principal)) {
            for (Statement s : policy.statements()) {
                all.add(new Grant(policy, s));
            }
        }
        return all;
    }

    /**
     * Items that may reach any function or only the functions they name, looked up by a function's
     * logical id in their own order.
     */
    private static final class ByFunction<T> {
        private final List<T> items;

        /** Indices into {@link #items} of those that may reach any function, ascending. */
        private final List<Integer> everywhere = new ArrayList<>();

        /** Indices of the items that name the logical id, ascending. */
        private final Map<String, List<Integer>> byLogicalId = new HashMap<>();

        ByFunction(List<T> items) {
            this.items = items;
        }

        /** Adds item {@code i} (added in ascending order): to every function, or to those named. */
        void add(int i, boolean any, Set<String> named) {
            if (any) {
                everywhere.add(i);
            } else {
                for (String logicalId : named) {
                    byLogicalId.computeIfAbsent(logicalId, k -> new ArrayList<>()).add(i);
                }
            }
        }

        List<T> of(String logicalId) {
            List<Integer> some = byLogicalId.getOrDefault(logicalId, List.of());
            List<T> merged = new ArrayList<>(everywhere.size() + some.size());
            int a = 0;
            int b = 0;
            while (a < everywhere.size() || b < some.size()) {
                boolean fromEverywhere =
                        b >= some.size()
                                || (a < everywhere.size() && everywhere.get(a) < some.get(b));
                merged.add(items.get(fromEverywhere ? everywhere.get(a++) : some.get(b++)));
            }
            return merged;
        }
    }

    /**
     * Whether the statement may reach any function; otherwise {@code named} receives the logical
     * ids its resource patterns name.
     */
    private static boolean mayReadAny(Statement s, Set<String> named) {
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
