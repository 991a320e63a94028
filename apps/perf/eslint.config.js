import base from '@dispatch/eslint-config/base';
import { configModule } from '@dispatch/eslint-config/boundaries';

export default [...base, configModule('src/environment.ts')];
