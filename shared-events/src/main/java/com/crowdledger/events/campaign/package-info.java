/** Read in the event log with the {@code campaigns} scope. */
@ReadScope(Scope.CAMPAIGNS)
package com.crowdledger.events.campaign;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
