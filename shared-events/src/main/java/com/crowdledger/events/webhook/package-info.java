/** Read in the event log with the {@code webhooks} scope. */
@ReadScope(Scope.WEBHOOKS)
package com.crowdledger.events.webhook;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
