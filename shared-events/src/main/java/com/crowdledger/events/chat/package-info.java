/** Read in the event log with the {@code chat} scope. */
@ReadScope(Scope.CHAT)
package com.crowdledger.events.chat;

import com.crowdledger.shared.ReadScope;
import com.crowdledger.shared.Scope;
