package lint

import "sort"

// Rules returns every lint rule, in the order of SPEC §5. Each call builds
// fresh values, so there is no shared mutable state.
func Rules() []Rule {
	return []Rule{
		newMissingOwner(),
		newUndocumentedHandoff(),
		newHandoffContextLost(),
		newHandoffOwnerGap(),
		newChannelHopping(),
		newUnmeasuredMoment(),
		newNegativeMoment(),
		newPainWithoutOpportunity(),
		newEmotionalCliff(),
		newNegativeEnding(),
		newMissingEmotion(),
		newEmptyStage(),
		newUnreachableTouchpoint(),
		newMissingGoal(),
		newMissingPersona(),
		newInconsistentChannel(),
		newUnusedDefinition(),
		newStaleReview(),
	}
}

// FindRule returns the rule with id, or nil.
func FindRule(id string) Rule {
	for _, r := range Rules() {
		if r.Meta().ID == id {
			return r
		}
	}
	return nil
}

// RuleIDs lists the lint rule ids, sorted.
func RuleIDs() []string {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.Meta().ID)
	}
	sort.Strings(ids)
	return ids
}
