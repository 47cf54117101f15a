package lint

import "sort"

// Rules returns every built-in lint rule, in the order of SPEC §5 (the
// recommended rules, then bad-suppression and the rules strict adds). Each call builds
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
		newBadSuppression(),
		newMissingExpectations(),
		newUnbalancedListening(),
		newNoPositivePeak(),
		newUnmeasuredJourney(),
		newInsideOutLanguage(),
	}
}

// rules are the built-in rules and the workspace's custom ones, made once
// per configuration rather than once per journey. The list is only read.
func (c *config) rules() []Rule {
	if c.all == nil {
		c.all = Rules()
		for _, cr := range c.custom {
			c.all = append(c.all, cr)
		}
	}
	return c.all
}

// customMetas describes the workspace's custom rules.
func (c *config) customMetas() []*Meta {
	var out []*Meta
	for _, cr := range c.custom {
		out = append(out, cr.meta)
	}
	return out
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
