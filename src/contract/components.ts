// The schemas registered once under their $id (server/app.ts adds them): payloads refer to them with
// common.ts#component, and OpenAPI lists them as components. The tree's two $ids come with its Cyclic schema.
import { ErrorJson, ExportedResource, Progress } from './common.js';
import { CardJson } from './review.js';
import { TopicJson } from './topics.js';

export const COMPONENTS = [Progress, ExportedResource, TopicJson, ErrorJson, CardJson];
