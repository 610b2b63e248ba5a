/** Read in the event log with the {@code keys} scope. */
@ReadScope(Scope.KEYS)
package com.crowdledger.events.account;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
