import bootstrap from './bootstrap';
import contentTypes from './content-types';
import controllers from './controllers';
import middlewares from './middlewares';
import policies from './policies';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  contentTypes,
  controllers,
  middlewares,
  policies,
  routes,
  services,
};
